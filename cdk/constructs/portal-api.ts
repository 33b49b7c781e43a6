// The portal's HTTP API: four routes on one function, every one behind the JWT authorizer of the
// user pool (issuer the pool, audience the page's app client), CORS for the public site only,
// access logs, and a throttle so a script gone wrong cannot run up the bill.
import { RemovalPolicy } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import type { CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The routes of the portal core (shared/portal/api.ts), each as API Gateway spells it. */
const PORTAL_ROUTES: readonly { method: HttpMethod; path: string }[] = [
  { method: HttpMethod.POST, path: '/uploads' },
  { method: HttpMethod.GET, path: '/receipts' },
  { method: HttpMethod.GET, path: '/receipts/{id}' },
  { method: HttpMethod.GET, path: '/template' },
];

/** Requests per second across the API, and the burst above it: thirty-two allies need far less. */
const THROTTLE_RATE = 20;
const THROTTLE_BURST = 40;

interface PortalApiProps {
  pool: UserPool;
  client: UserPoolClient;
  handler: IFunction;
  /** The public site's origin, the only one whose pages may call the API. */
  allowedOrigin: string;
  logRetention: RetentionDays;
}

class PortalApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: PortalApiProps) {
    super(scope, id);
    const authorizer = new HttpUserPoolAuthorizer('Pool', props.pool, { userPoolClients: [props.client] });
    this.api = new HttpApi(this, 'Api', {
      description: 'dualtrack submitters portal: signed uploads and receipts',
      defaultAuthorizer: authorizer,
      corsPreflight: {
        allowOrigins: [props.allowedOrigin],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type'],
        exposeHeaders: ['content-disposition'],
      },
    });
    const integration = new HttpLambdaIntegration('Portal', props.handler);
    for (const route of PORTAL_ROUTES) this.api.addRoutes({ path: route.path, methods: [route.method], integration });

    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    // One JSON line per request: who (the token's subject), what, and the answer; never a body.
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        time: '$context.requestTime',
        method: '$context.httpMethod',
        path: '$context.path',
        status: '$context.status',
        sub: '$context.authorizer.claims.sub',
        ip: '$context.identity.sourceIp',
        authorizerError: '$context.authorizer.error',
      }),
    };
    stage.defaultRouteSettings = { throttlingRateLimit: THROTTLE_RATE, throttlingBurstLimit: THROTTLE_BURST };
  }

  get url(): string {
    return this.api.apiEndpoint;
  }
}

export { PortalApi, PORTAL_ROUTES, THROTTLE_RATE, THROTTLE_BURST };
export type { PortalApiProps };
