import type { FastifyReply } from 'fastify';
import { SegmentaError } from '../../../core/errors.js';
import {
  FieldCatalogue,
  type Issue,
  issueText,
  type ParsedSegment,
  parseSegment,
} from '../../../segments/index.js';
import type { Warehouse } from '../../../warehouse/warehouse.js';

const HINT = 'GET /v1/segments/schema gives the rule format; GET /v1/segments/fields the fields';

/** A definition that does not validate: every issue, located (the same messages as the CLI). */
export class DefinitionIssues extends SegmentaError {
  constructor(readonly issues: readonly Issue[]) {
    super('invalid_input', issues.map(issueText).join('\n'), HINT);
  }
}

/** Validate a definition against the warehouse's fields; throws `DefinitionIssues`. */
export async function parseDefinition(wh: Warehouse, input: unknown): Promise<ParsedSegment> {
  const parsed = parseSegment(input, await FieldCatalogue.load(wh));
  if (!parsed.ok) throw new DefinitionIssues(parsed.error);
  return parsed.value;
}

/**
 * Run a handler; a `DefinitionIssues` becomes the usual 400 problem plus `errors: [{ path, message }]`, so an
 * editor can mark each issue where it is.
 */
export async function answeringIssues<T>(
  reply: FastifyReply,
  work: () => Promise<T>,
): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof DefinitionIssues)) throw e;
    return reply
      .code(400)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: e.message,
        hint: HINT,
        errors: e.issues.map((i) => ({ path: i.path, message: i.message })),
      });
  }
}

/** Split a request body into the definition and the edit note (`note` is not part of a definition). */
export function definitionAndNote(body: Record<string, unknown>): {
  definition: Record<string, unknown>;
  note: string | undefined;
} {
  const { note, ...definition } = body;
  return { definition, note: typeof note === 'string' ? note : undefined };
}
