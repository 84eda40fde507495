/** The SMART letters of a goal as it stands, each passed or with what to do about it. */

import type { SmartGrade, SmartLetter } from "../src/core/smart";

export function Scorecard(props: { readonly grade: SmartGrade; readonly focus?: SmartLetter }) {
  const { grade, focus } = props;
  return (
    <section class="scorecard" aria-label={`SMART check: ${grade.passed} of 5 letters pass`}>
      <p class="score">
        SMART <strong>{grade.passed}/5</strong>
      </p>
      <ul>
        {grade.checks.map((check) => (
          <li
            key={check.letter}
            class={`${check.passed ? "pass" : "fail"}${check.letter === focus ? " focus" : ""}`}
            data-letter={check.letter}
          >
            <span class="letter" aria-hidden="true">
              {check.letter}
            </span>
            <span>
              <strong>{check.name}</strong>: {check.passed ? "passes" : `fails — ${check.advice}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The live line for the step's own letter, read out as it changes. */
export function LetterFeedback(props: {
  readonly grade: SmartGrade;
  readonly letter: SmartLetter;
}) {
  const check = props.grade.checks.find((candidate) => candidate.letter === props.letter);
  if (check === undefined) return null;
  return (
    <p
      class={`feedback ${check.passed ? "pass" : "fail"}`}
      role="status"
      aria-live="polite"
      data-testid={`feedback-${check.letter}`}
    >
      {check.name}: {check.passed ? "passes" : `fails — ${check.advice}`}
    </p>
  );
}
