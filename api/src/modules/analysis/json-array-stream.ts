/**
 * Picks complete objects out of a JSON array while the model is still writing it, so each next
 * move reaches the rep as soon as its closing brace arrives. Feed it the streamed text; it returns
 * the objects of the first array in the text that completed since the last call. Strings and
 * escapes are tracked, so braces inside text do not confuse it; malformed objects are skipped
 * (the final validation decides what is missing).
 */
export function createJsonArrayStream() {
  let buffer = '';
  let position = 0;
  let inArray = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let objectStart = -1;
  let finished = false;

  return {
    push(delta: string): unknown[] {
      buffer += delta;
      const completed: unknown[] = [];
      for (; position < buffer.length && !finished; position++) {
        const char = buffer[position]!;
        if (inString) {
          if (escaped) escaped = false;
          else if (char === '\\') escaped = true;
          else if (char === '"') inString = false;
          continue;
        }
        if (char === '"') {
          inString = true;
        } else if (!inArray) {
          if (char === '[') inArray = true;
        } else if (char === '{') {
          if (depth === 0) objectStart = position;
          depth++;
        } else if (char === '}') {
          depth--;
          if (depth === 0 && objectStart >= 0) {
            try {
              completed.push(JSON.parse(buffer.slice(objectStart, position + 1)));
            } catch {
              // not valid JSON: left to the final validation and repair
            }
            objectStart = -1;
          }
        } else if (char === ']' && depth === 0) {
          finished = true;
        }
      }
      return completed;
    },
  };
}
