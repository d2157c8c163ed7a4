/** Around the matching words of a snippet: control characters no text in the desk holds (names are stripped of them, bodies refuse NUL). */
export const MARK_OPEN = "\u0001";
export const MARK_CLOSE = "\u0002";
