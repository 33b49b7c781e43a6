// Public surface of the stack contract: the names the stack, the handlers, the local cloud and
// the clients of a deployed stack share (see contract.ts). Dependency-free, so the CDK app may
// load it.
export * from './contract.ts';
