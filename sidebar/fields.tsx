/** Labelled inputs with their error beside them, in the look of Google's add-on stylesheet. */

import type { ComponentChildren } from "preact";

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly type?: "text" | "date" | "email" | "number" | "search";
  readonly inputMode?: "decimal" | "email" | "text";
  readonly multiline?: boolean;
  readonly required?: boolean;
}

function describedBy(id: string, error: string | undefined, hint: string | undefined) {
  const ids = [hint === undefined ? "" : `${id}-hint`, error === undefined ? "" : `${id}-error`];
  const joined = ids.filter((part) => part !== "").join(" ");
  return joined === "" ? undefined : joined;
}

export function Field(props: FieldProps) {
  const { id, label, value, onChange, error, hint } = props;
  const common = {
    id,
    value,
    "aria-invalid": error === undefined ? undefined : ("true" as const),
    "aria-describedby": describedBy(id, error, hint),
    "aria-required": props.required === true ? ("true" as const) : undefined,
    onInput: (event: Event) => onChange((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="form-group">
      <label for={id}>{label}</label>
      {props.multiline === true ? (
        <textarea rows={2} {...common} />
      ) : (
        <input
          // Preact types each input type separately; the union of them is one element here.
          type={(props.type ?? "text") as "text"}
          inputMode={props.inputMode}
          autoComplete="off"
          {...common}
        />
      )}
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

/** A field's hint and error lines, under the ids its `aria-describedby` names. */
function HintAndError(props: {
  readonly id: string;
  readonly hint: string | undefined;
  readonly error: string | undefined;
}) {
  const { id, hint, error } = props;
  return (
    <>
      {hint === undefined ? null : (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error === undefined ? null : (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

interface SelectProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly (string | { readonly value: string; readonly label: string })[];
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string;
}

export function Select(props: SelectProps) {
  const { id, label, value, options, onChange, error, hint } = props;
  return (
    <div class="form-group">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error === undefined ? undefined : "true"}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {options.map((option) => {
          const item =
            typeof option === "string" ? { value: option, label: option || "—" } : option;
          return (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          );
        })}
      </select>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

export function Checkbox(props: {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  return (
    <div class="form-group checkbox">
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

export function Banner(props: {
  readonly kind: "error" | "success";
  readonly children: ComponentChildren;
}) {
  return (
    <div class={`banner ${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.children}
    </div>
  );
}
