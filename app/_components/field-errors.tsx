import type { ActionFailure } from "./action-result";

/** A failed action's message and its per-field messages, read out as an alert. */
export function FieldErrors({ failure, label, skip = [] }: { failure: ActionFailure; label: string; skip?: string[] }) {
  const rest = Object.entries(failure.fields ?? {}).filter(([key]) => !skip.includes(key));
  return (
    <div role="alert" aria-label={label} className="form-error">
      <p>{failure.message}</p>
      {rest.length ? (
        <ul>
          {rest.map(([key, message]) => (
            <li key={key}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
