import { Fragment } from "react";
import { MARK_CLOSE, MARK_OPEN } from "@/lib/search/marks";

/**
 * A search snippet with its matching words marked. The index puts control
 * characters around them; everything is rendered as text (React escapes it),
 * and only those spans become <mark>: no markup from the desk's text can run.
 */
export function MarkedSnippet({ text }: { text: string }) {
  const parts = text.split(MARK_OPEN);
  return (
    <span className="snippet">
      {parts.map((part, i) => {
        if (i === 0) return <Fragment key={i}>{part}</Fragment>;
        const [marked, rest = ""] = part.split(MARK_CLOSE);
        return (
          <Fragment key={i}>
            <mark>{marked}</mark>
            {rest}
          </Fragment>
        );
      })}
    </span>
  );
}
