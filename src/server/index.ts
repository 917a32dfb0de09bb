/** The HTTP API (issue 7): fastify over the app's use cases, OpenAPI from the zod schemas, API keys. */
export {
  type CreatedKey,
  createApiKey,
  type KeyInfo,
  listApiKeys,
  parseScope,
  revokeApiKey,
  SCOPES,
  type Scope,
  verifyApiKey,
} from './auth/api-keys.js';
export { type Authenticator, apiKeyAuthenticator } from './auth/authenticator.js';
export { createServer, type SegmentaServer, type ServerOptions } from './create-server.js';
export { type LiveSummary, type ServeOptions, type Serving, serve, webRoot } from './serve.js';
