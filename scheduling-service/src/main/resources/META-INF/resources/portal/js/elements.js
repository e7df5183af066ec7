/**
 * Builds DOM elements without HTML strings, so that names and reasons typed by people are always
 * text, never markup. Props: `class`, `text`, `dataset`, `on` ({event: handler}), attributes.
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key === 'text') {
      element.textContent = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        element.addEventListener(event, handler);
      }
    } else if (key in element && typeof value !== 'string') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Text that screen readers read and sighted users do not see (e.g. "Status:" before a badge). */
export function hiddenText(text) {
  return el('span', { class: 'visually-hidden', text });
}
