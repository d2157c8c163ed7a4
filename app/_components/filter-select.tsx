/** A labelled <select> for a GET filter form; the empty option means "any". */
export function FilterSelect({
  label,
  name,
  anyLabel,
  value,
  options,
}: {
  label: string;
  name: string;
  anyLabel: string;
  value: string | number | undefined;
  options: ReadonlyArray<{ value: string | number; label: string }>;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
