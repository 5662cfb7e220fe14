// ESLint rule: a feature (src/features/<name>) never imports another feature. What two features share lives in
// src/components, src/queries or src/ton, so each feature can change, move or be deleted on its own (issue 15 item 8).
import path from 'node:path';

/** The feature a file path belongs to, or null outside src/features. */
export function featureOf(filePath) {
  const match = filePath.split(path.sep).join('/').match(/(?:^|\/)src\/features\/([^/]+)\//);
  return match ? match[1] : null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noCrossFeatureImports = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid one feature importing another' },
    messages: {
      crossFeature: "Feature '{{from}}' imports feature '{{to}}'. Move what they share to src/components, src/queries or src/ton.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = featureOf(file);
    if (!own) return {};
    const check = (sourceNode) => {
      const source = sourceNode?.value;
      // only relative specifiers can reach into src/ (the project has no path aliases)
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = featureOf(path.resolve(path.dirname(file), source) + path.sep);
      if (target && target !== own) context.report({ node: sourceNode, messageId: 'crossFeature', data: { from: own, to: target } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => node.source && check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source),
    };
  },
};
