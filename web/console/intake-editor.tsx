// The optional questions asked before a conversation: whether they are asked, their wording in French and
// English, their answers and which answers signal an emergency, and their order (the order visitors see).
import { CheckboxField } from './form-fields.tsx';
import {
  type IntakeAnswerRow,
  type IntakeQuestionRow,
  MAX_ANSWERS,
  MAX_QUESTIONS,
  MIN_ANSWERS,
  moveQuestion,
  newAnswer,
  newQuestion,
} from './intake-form.ts';
import { useLocale } from './locale-context.ts';
import type { SettingsForm } from './settings-form.ts';
import { TextField } from './text-field.tsx';

interface IntakeEditorProps {
  form: SettingsForm;
  onChange: (change: Partial<SettingsForm>) => void;
}

export function IntakeEditor({ form, onChange }: IntakeEditorProps) {
  const { t } = useLocale();
  const questions = form.intakeQuestions;
  const change = (intakeQuestions: IntakeQuestionRow[]) => onChange({ intakeQuestions });
  const update = (key: number, next: Partial<IntakeQuestionRow>) =>
    change(questions.map((question) => (question.key === key ? { ...question, ...next } : question)));

  return (
    <fieldset class="rows intake-editor">
      <legend>{t('intake.title')}</legend>
      <CheckboxField
        label={t('settings.intakeEnabled')}
        hint={t('settings.intakeHint')}
        checked={form.intakeEnabled}
        onChange={(intakeEnabled) => onChange({ intakeEnabled })}
      />
      <p class="hint intake-urgent-hint">{t('intake.urgentHint')}</p>
      {questions.length === 0 && <p class="hint">{t('intake.noQuestions')}</p>}
      {questions.map((question, index) => (
        <QuestionEditor
          key={question.key}
          question={question}
          position={index + 1}
          isLast={index === questions.length - 1}
          onChange={(next) => update(question.key, next)}
          onMove={(step) => change(moveQuestion(questions, question.key, step))}
          onRemove={() => change(questions.filter((other) => other.key !== question.key))}
        />
      ))}
      {questions.length < MAX_QUESTIONS ? (
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => change([...questions, newQuestion()])}
        >
          {t('intake.addQuestion')}
        </button>
      ) : (
        <p class="hint">{t('intake.maxQuestions', { n: MAX_QUESTIONS })}</p>
      )}
    </fieldset>
  );
}

interface QuestionEditorProps {
  question: IntakeQuestionRow;
  position: number;
  isLast: boolean;
  onChange: (change: Partial<IntakeQuestionRow>) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}

function QuestionEditor({ question, position, isLast, onChange, onMove, onRemove }: QuestionEditorProps) {
  const { t } = useLocale();
  const answers = question.answers;
  const updateAnswer = (key: number, next: Partial<IntakeAnswerRow>) =>
    onChange({ answers: answers.map((answer) => (answer.key === key ? { ...answer, ...next } : answer)) });

  return (
    <fieldset class="intake-question">
      <legend>{t('intake.question', { n: position })}</legend>
      <div class="form-row">
        <TextField label={t('intake.questionFr')} value={question.fr} onInput={(fr) => onChange({ fr })} />
        <TextField label={t('intake.questionEn')} value={question.en} onInput={(en) => onChange({ en })} />
      </div>
      <ol class="intake-answers-editor">
        {answers.map((answer, index) => (
          <li key={answer.key} class="intake-answer-row">
            <TextField
              label={t('intake.answerFr', { n: index + 1 })}
              value={answer.fr}
              onInput={(fr) => updateAnswer(answer.key, { fr })}
            />
            <TextField
              label={t('intake.answerEn', { n: index + 1 })}
              value={answer.en}
              onInput={(en) => updateAnswer(answer.key, { en })}
            />
            <div class="intake-answer-flags">
              <CheckboxField
                label={t('intake.urgent')}
                checked={answer.urgent}
                onChange={(urgent) => updateAnswer(answer.key, { urgent })}
              />
              {answers.length > MIN_ANSWERS && (
                <button
                  type="button"
                  class="button button-quiet button-small"
                  onClick={() => onChange({ answers: answers.filter((other) => other.key !== answer.key) })}
                >
                  {t('intake.removeAnswer')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      <div class="intake-actions">
        {answers.length < MAX_ANSWERS && (
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => onChange({ answers: [...answers, newAnswer()] })}
          >
            {t('intake.addAnswer')}
          </button>
        )}
        {/* aria-disabled rather than disabled: the button that just moved keeps the focus at either end. */}
        <button
          type="button"
          class="button button-quiet button-small"
          aria-disabled={position === 1}
          onClick={() => position > 1 && onMove(-1)}
        >
          {t('intake.moveUp')}
        </button>
        <button
          type="button"
          class="button button-quiet button-small"
          aria-disabled={isLast}
          onClick={() => !isLast && onMove(1)}
        >
          {t('intake.moveDown')}
        </button>
        <button type="button" class="button button-danger-quiet button-small" onClick={onRemove}>
          {t('intake.removeQuestion')}
        </button>
      </div>
    </fieldset>
  );
}
