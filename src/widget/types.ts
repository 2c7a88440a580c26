/**
 * What the widget receives from the conversation API, typed from the server's own definitions (type-only
 * imports: nothing of the server ends up in the bundle).
 */
import type { Prompt, PromptOption } from '../flows/prompts.js';
import type { SessionView } from '../flows/sessions.js';
import type { AssessmentResult, ChecklistItem, CriterionResult, ProcedureItem } from '../rules/evaluate.js';

/** A conversation view as `/api/sessions*` returns it: the engine's view plus the session id. */
export type WireView = SessionView & { id: string };

export type { AssessmentResult, ChecklistItem, CriterionResult, ProcedureItem, Prompt, PromptOption };

/** The languages the widget speaks. */
export type WidgetLang = 'zh-CN' | 'en';

/** Where the session id is kept between page loads. */
export type Persistence = 'local' | 'session' | 'memory';

/** The names of the events the widget emits. */
export type WidgetEventName = 'ready' | 'opened' | 'closed' | 'result';
