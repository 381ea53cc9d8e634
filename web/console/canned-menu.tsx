// The list that opens under the reply box when she types `/` at the start of a word: the matching canned
// answers, one highlighted (arrows move it, Enter or Tab inserts it, Escape closes). The reply box keeps the
// focus and points at the highlighted option (aria-activedescendant), so a screen reader follows the choice.

import { resourceCardText } from '../../src/core/canned-answers.ts';
import type { CannedAnswerView } from '../../src/protocol/canned-answers.ts';
import { useLocale } from './locale-context.ts';
import type { ConsoleTranslate } from './messages.ts';

/** The text an answer puts in the reply box: its own, or its card written out line by line. */
export function cannedText(answer: CannedAnswerView, t: ConsoleTranslate): string {
  if (answer.card === null) return answer.text ?? '';
  return resourceCardText(answer.card, {
    phone: t('canned.card.phone'),
    link: t('canned.card.link'),
    address: t('canned.card.address'),
    hours: t('canned.card.hours'),
  });
}

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

interface CannedMenuProps {
  id: string;
  matches: CannedAnswerView[];
  active: number;
  onPick: (answer: CannedAnswerView) => void;
}

export function CannedMenu({ id, matches, active, onPick }: CannedMenuProps) {
  const { t } = useLocale();
  return (
    <div class="canned-menu" id={id} role="listbox" aria-label={t('canned.menu')}>
      {matches.map((answer, index) => (
        <div
          key={answer.id}
          tabIndex={-1}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === active}
          class={index === active ? 'is-active' : undefined}
          // mousedown, not click: the reply box must keep the focus.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(answer);
          }}
        >
          <span class="canned-shortcut">/{answer.shortcut}</span> {answer.title}
          {answer.scope === 'personal' && <span class="canned-scope"> · {t('canned.personal')}</span>}
        </div>
      ))}
    </div>
  );
}
