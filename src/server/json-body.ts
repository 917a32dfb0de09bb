import type { FastifyInstance } from 'fastify';
import { invalidInput } from '../core/errors.js';

/** Why `text` is not JSON, in the parser's own words (position included). */
function syntaxError(text: string): string {
  try {
    JSON.parse(text);
    return 'forbidden key __proto__ or constructor.prototype';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * JSON request bodies parsed by fastify's own parser (prototype-poisoning checks kept), but refused with an exact
 * message: `body is not valid JSON: Unexpected token '}', "{"a":}" is not valid JSON` instead of fastify's generic
 * one, so a client sees where its body broke.
 */
export function parseJsonExactly(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (text.trim() === '') {
      done(invalidInput('body is empty: send a JSON document (Content-Type: application/json)'), undefined);
      return;
    }
    parse(request, text, (error, value) => {
      if (error) done(invalidInput(`body is not valid JSON: ${syntaxError(text)}`), undefined);
      else done(null, value);
    });
  });
}
