/**
 * Facts said along with an answer. 一个核心园加两个分园 / 一核两园 / a core park and two branches answers 园区布局
 * (设立多个园区) and also says how many branch parks there are, so that the next question need not ask it: a careful
 * official notes both. Only a count said of the branches is taken (两个园区 / 三个园区 count the parks, not the
 * branches, and stay the layout alone: whether the core is among them is not said).
 */
import { type AnswerValue, parseAnswer } from './parse.js';
import { answerSpec } from './prompts.js';
import { questionById } from './questions.js';

/**
 * The questions each question may answer along with its own. The conversation records them in its history just
 * before the question itself, where the interview's own order never puts them (the branch count is asked after the
 * layout), so that BACK undoes the answer and what it said along with it in one step.
 */
export const ANSWERED_ALONG: Readonly<Record<string, readonly string[]>> = { layout: ['branchCount'] };

/** One more answer given within another: the question it answers and the value, as the parser reads it. */
export interface Implied {
  questionId: string;
  value: AnswerValue;
}

const BRANCH_COUNT = questionById('branchCount')!;
const CORE = '(?:一个|1个|一|1)?核心园区?';
const AND = '(?:和|加|及|与|、|,|\\+|以及|外加|另有|另外|加上|带|还有|下设|下辖)';
/** Each form, the branch count in its first group. */
const WITH_BRANCHES: readonly RegExp[] = [
  new RegExp(`^(?:有|是|共有|包括)?${CORE}(?:\\s*${AND}\\s*)+(\\S+?)个?分园区?$`),
  /^一核(\S{1,3}?)园$/,
  /^(?:有|共有|下设)?(\S+?)个分园区?$/,
  /^(?:a|one|1) core park,? ?(?:and|plus|\+|with) (\S+?) branch(?: park)?(?:es|s)?$/,
  /^(?:we have )?(\S+?) branch(?: park)?(?:es|s)?$/,
];

/**
 * 园区布局 said with the number of branches: `multi` and the branch count; undefined when `text` (normalised, as
 * the parser reads it) is no such form or the count is not one whole figure of at least one.
 */
export function layoutWithBranches(text: string): { value: 'multi'; implied: Implied[] } | undefined {
  for (const form of WITH_BRANCHES) {
    const said = form.exec(text)?.[1];
    if (said === undefined) continue;
    // Read as the branch-count question reads its answer (one whole figure, within its limit); at least one here.
    const count = parseAnswer(said, answerSpec(BRANCH_COUNT));
    if (count.ok && typeof count.value === 'number' && count.value >= 1) {
      return { value: 'multi', implied: [{ questionId: BRANCH_COUNT.id, value: count.value }] };
    }
  }
  return undefined;
}
