// Operator alarms: any message in a dead-letter or failure queue, and any function error,
// notifies one encrypted SNS topic (with an optional e-mail subscription).
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
    alarm.addAlarmAction(this.action);
    return alarm;
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
    alarm.addAlarmAction(this.action);
    return alarm;
  }
}

export { OperatorAlarms };
export type { OperatorAlarmsProps };
