/** Rule segments: schema, batch SQL, live engine, membership log, explanations (the library surface). */
export { compileSegmentQuery } from './batch/compile-segment.js';
export { evaluateBatch } from './batch/evaluate-batch.js';
export { previewSegment, type SegmentPreview } from './batch/preview-segment.js';
export { type BatchEvaluation, evaluateAndRecord } from './batch/record-evaluation.js';
export { defineSegment } from './define-segment.js';
export { type IncomingEvent, parseEventBatch, parseEvents } from './events/event-input.js';
export { describeLeaf } from './explain/describe-condition.js';
export { type Explanation, explain, formatExplanation } from './explain/explain.js';
export { FieldCatalogue } from './fields/catalogue.js';
export type { FieldInfo } from './fields/field.js';
export { freshness } from './freshness.js';
export type { Clock } from './live/clock.js';
export { LiveEngine } from './live/engine.js';
export { FakeClock } from './live/fake-clock.js';
export type { ChangeSource, LiveEvent, MembershipChange } from './live/membership-change.js';
export { systemClock } from './live/system-clock.js';
export { type ParsedSegment, parseSegment } from './plan/parse-segment.js';
export type { SegmentPlan } from './plan/plan.js';
export type { ChangeSink } from './runtime/change-sink.js';
export { type IngestResult, SegmentRuntime } from './runtime/segment-runtime.js';
export { SegmentDefinition, type SegmentDefinitionInput, segmentJsonSchema } from './schema/definition.js';
export { type Issue, issueText } from './schema/issues.js';
export {
  currentMembers,
  type LogEntry,
  type LoggedChange,
  segmentHistory,
  segmentLogSeq,
} from './store/membership-log.js';
export { readStatus, type SegmentStatus } from './store/segment-status.js';
export { getSegment, listSegments, type SegmentRecord, segmentVersions } from './store/segment-store.js';
