/** `iacjudge verify <task-dir>`: check the task's lib/MODEL_FAILURES.md claim by claim against iacjudge's analysis. */
import { existsSync, statSync } from 'node:fs';
import type { RegisterCommand } from './index.js';
import { UsageError } from '../../contracts/errors.js';
import { stripControls } from '../../io/text.js';
import { renderVerifyText, verifyJson, verifyTask } from '../../pipeline/verify.js';

export const register: RegisterCommand = (program) => {
  program
    .command('verify')
    .description("check a task's written failure analysis against iacjudge's findings: supported, unsupported, unconfirmed, not checkable")
    .argument('<task-dir>', 'task folder with lib/MODEL_FAILURES.md')
    .option('--json', 'print JSON instead of text')
    .option('--config <file>', 'configuration file (.iacjudge.json)')
    .option('--platform <platform>', 'platform override: tf-hcl | cdktf-ts | ...')
    .action((taskDir: string, opts: { json?: boolean; config?: string; platform?: string }) => {
      if (!existsSync(taskDir) || !statSync(taskDir).isDirectory()) throw new UsageError(`task folder not found: ${taskDir}`);
      const report = verifyTask(taskDir, { ...(opts.config ? { configFile: opts.config } : {}), ...(opts.platform ? { platform: opts.platform } : {}) });
      // The text quotes claims from MODEL_FAILURES.md (task content): no terminal escape from it reaches the terminal.
      process.stdout.write(opts.json ? verifyJson(report) : stripControls(renderVerifyText(report)));
    });
};
