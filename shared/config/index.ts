// Public surface of the configuration area: the rules and the exchange-rate table an operator
// replaces without a deploy, checked in one place and loaded by one loader.
export { ConfigKind, rulesSchemaFor, parseConfig, parseConfigText, fxTableDigest } from './parse.ts';
export type { ConfigOf } from './parse.ts';
export { loadConfig, loadRules, loadFx, storeLocation, STORE_KEY } from './load.ts';
export type { ConfigSource, Loaded, LoadedConfig } from './load.ts';
export { ConfigError, ConfigInvalidError, ConfigUnreadableError, configKindName } from './errors.ts';
export type { ConfigProblem } from './errors.ts';
