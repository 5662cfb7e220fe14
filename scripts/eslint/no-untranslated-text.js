// ESLint rule: user-visible text in components goes through the i18n layer (src/i18n), never as literal English
// (issue 15 item 5). It flags JSX text with letters in it, string literals rendered as JSX children, and literal
// text in the attributes people read (title, aria-label, placeholder, alt, …). Tickers, brand names and symbols
// come from config or messages too, so there is no allow-list of words: punctuation and digits pass, letters do not.

const READABLE_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'placeholder', 'alt', 'label']);
const HAS_LETTER = /\p{L}/u;

function literalText(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
  return null;
}

/** Literal strings an expression can evaluate to directly: `a ? 'x' : 'y'`, `a || 'x'`, `'x'`, `` `x ${y}` ``. */
function renderedLiterals(node) {
  if (!node) return [];
  switch (node.type) {
    case 'ConditionalExpression':
      return [...renderedLiterals(node.consequent), ...renderedLiterals(node.alternate)];
    case 'LogicalExpression':
      return renderedLiterals(node.right).concat(node.operator === '&&' ? [] : renderedLiterals(node.left));
    case 'TSAsExpression':
      return renderedLiterals(node.expression);
    default: {
      const text = literalText(node);
      return text === null ? [] : [{ node, text }];
    }
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const noUntranslatedText = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid literal user-visible text in JSX; use the i18n layer' },
    messages: {
      text: 'Literal text "{{text}}" in JSX. Put it in the messages file and render t(…) so it is translated.',
      attribute: 'Literal text "{{text}}" in the {{name}} attribute. Put it in the messages file and use t(…).',
    },
    schema: [],
  },
  create(context) {
    const report = (node, messageId, text, name) =>
      context.report({ node, messageId, data: { text: text.trim().slice(0, 40), name: name ?? '' } });
    return {
      JSXText(node) {
        if (HAS_LETTER.test(node.value)) report(node, 'text', node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type === 'JSXAttribute') return;
        for (const { node: literal, text } of renderedLiterals(node.expression)) if (HAS_LETTER.test(text)) report(literal, 'text', text);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (!name || !READABLE_ATTRIBUTES.has(name)) return;
        const value = node.value?.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        for (const { node: literal, text } of renderedLiterals(value)) if (HAS_LETTER.test(text)) report(literal, 'attribute', text, name);
      },
    };
  },
};
