import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { featureOf, noCrossFeatureImports } from './no-cross-feature-imports.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

const root = path.resolve('/repo');
const stakingFile = path.join(root, 'src/features/staking/components/stake-panel.tsx');

describe('featureOf', () => {
  it('names the feature folder, or null outside src/features', () => {
    expect(featureOf(stakingFile)).toBe('staking');
    expect(featureOf(path.join(root, 'src/components/ui/card.tsx'))).toBeNull();
  });
});

tester.run('no-cross-feature-imports', noCrossFeatureImports, {
  valid: [
    { filename: stakingFile, code: "import { Card } from '../../../components/ui/card';" },
    { filename: stakingFile, code: "import { stakePlan } from '../api/stake-plan';" },
    { filename: stakingFile, code: "import { useQuery } from '@tanstack/react-query';" },
    { filename: path.join(root, 'src/app/app.tsx'), code: "import { StakePanel } from '../features/staking/components/stake-panel';" },
    // a shared module named like a feature is not that feature
    { filename: stakingFile, code: "import { x } from '../../../queries/bills';" },
    { filename: path.join(root, 'src/queries/bills.ts'), code: "import { y } from '../features/bills/utils/bill-history';" },
  ],
  invalid: [
    {
      filename: stakingFile,
      code: "import { BillsPanel } from '../../bills/components/bills-panel';",
      errors: [{ messageId: 'crossFeature', data: { from: 'staking', to: 'bills' } }],
    },
    {
      filename: stakingFile,
      code: "export { checkUnstake } from '../../../features/withdrawals/utils/unstake-validation';",
      errors: [{ messageId: 'crossFeature', data: { from: 'staking', to: 'withdrawals' } }],
    },
    {
      filename: stakingFile,
      code: "export * from '../../position';",
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: stakingFile,
      code: "const lazy = () => import('../../rounds/components/rounds-panel');",
      errors: [{ messageId: 'crossFeature', data: { from: 'staking', to: 'rounds' } }],
    },
  ],
});

describe("the project's ESLint config", () => {
  it('applies the rule to src/features and only there', async () => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: process.cwd() });
    const code = "import { BillsPanel } from '../../bills/components/bills-panel';\nexport const panel = BillsPanel;\n";
    const [inFeature] = await eslint.lintText(code, { filePath: 'src/features/staking/components/new-panel.tsx' });
    expect(inFeature.messages.map((message) => message.ruleId)).toContain('local/no-cross-feature-imports');
    const [inApp] = await eslint.lintText(code, { filePath: 'src/app/new-panel.tsx' });
    expect(inApp.messages.map((message) => message.ruleId)).not.toContain('local/no-cross-feature-imports');
  });
});
