// Operator alarms, all on one encrypted SNS topic (with an optional e-mail subscription): any
// message in a dead-letter or failure queue, a publish request waiting too long, and for each
// function any error, a run close to its timeout, and throttling that lasts.
import { Duration } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The share of a function's timeout that a run may take before it alarms. */
const NEAR_TIMEOUT = 0.8;
/** Five-minute periods in a row with throttles before the throttle alarm fires. */
const THROTTLED_PERIODS = 3;

interface OperatorAlarmsProps {
  /** Subscribed to the topic when given (the address must confirm the subscription). */
  email?: string;
}

class OperatorAlarms extends Construct {
  readonly topic: Topic;
  readonly key: Key;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperatorAlarmsProps = {}) {
    super(scope, id);
    this.key = new Key(this, 'TopicKey', {
      description: 'Encrypts dualtrack alarm notifications',
      enableKeyRotation: true,
    });
    // CloudWatch publishes to the encrypted topic, so it must be able to use the key.
    this.key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'dualtrack alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    if (props.email !== undefined) this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);
  }

  /** Alarms as soon as one message is visible: each is an upload or a publish that failed for good. */
  onMessagesVisible(id: string, queue: IQueue, what: string): Alarm {
    const alarm = queue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' })
      .createAlarm(this, id, {
        alarmDescription: `${what}: messages are waiting in ${id}; inspect them and redrive.`,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    return this.notify(alarm);
  }

  /**
   * Alarms when a message has waited `maxAge` in the queue: its consumer is failing or cannot
   * run, long before the message reaches the dead-letter queue.
   */
  onOldestMessage(id: string, queue: IQueue, maxAge: Duration, what: string): Alarm {
    return this.notify(
      queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }).createAlarm(this, id, {
        alarmDescription: `${what}: a message has waited ${maxAge.toHumanString()} in the queue; see the consumer's log group.`,
        threshold: maxAge.toSeconds(),
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /**
   * Alarms when a run took NEAR_TIMEOUT of the function's timeout: the next, slightly bigger
   * input times out (and is retried to the same end), so act before that.
   */
  onDurationNearTimeout(id: string, fn: IFunction, timeout: Duration, what: string): Alarm {
    const threshold = Math.round(timeout.toMilliseconds() * NEAR_TIMEOUT);
    return this.notify(
      fn.metricDuration({ period: Duration.minutes(5), statistic: 'Maximum' }).createAlarm(this, id, {
        alarmDescription: `${what} ran ${Math.round(NEAR_TIMEOUT * 100)}% of its ${timeout.toHumanString()} timeout; see its log group for the input.`,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /**
   * Alarms when the function is throttled in each of THROTTLED_PERIODS five-minute periods in a
   * row. A burst past a reserved concurrency is throttled briefly by design (the events wait and
   * are retried); throttling that lasts means the backlog is not draining.
   */
  onThrottles(id: string, fn: IFunction, what: string): Alarm {
    return this.notify(
      fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }).createAlarm(this, id, {
        alarmDescription: `${what} has been throttled for ${THROTTLED_PERIODS * 5} minutes: work is waiting; check its reserved concurrency and what runs.`,
        threshold: 1,
        evaluationPeriods: THROTTLED_PERIODS,
        datapointsToAlarm: THROTTLED_PERIODS,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /** Alarms on any error of the function within five minutes. */
  onErrors(id: string, fn: IFunction, what: string): Alarm {
    const alarm = fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }).createAlarm(this, id, {
      alarmDescription: `${what} failed; see its log group.`,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    return this.notify(alarm);
  }

  private notify(alarm: Alarm): Alarm {
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}

export { OperatorAlarms, NEAR_TIMEOUT, THROTTLED_PERIODS };
export type { OperatorAlarmsProps };
