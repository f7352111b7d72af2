import type { Command } from 'commander';

/** `pagecare schedule`: run the whole job on `schedule.cron` until SIGTERM or SIGINT. */
export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('Stay running and run the whole job on schedule.cron (default 0 8 * * 1-5, Europe/London)')
    .option('-c, --config <file>', 'config file')
    .action(async (flags: { config?: string }) => {
      const [{ loadConfig }, { runJob }, { startDaemon }] = await Promise.all([
        import('../config/load-config.js'),
        import('../job/run-job.js'),
        import('../schedule/daemon.js'),
      ]);
      const cwd = process.cwd();
      const { config } = loadConfig({ cwd, configPath: flags.config });
      const log = (line: string) => process.stdout.write(`${line}\n`);
      const daemon = startDaemon({
        cron: config.schedule.cron,
        timeZone: config.schedule.timezone,
        log,
        run: async (signal) => {
          const result = await runJob({
            cwd,
            configPath: flags.config,
            steps: { lint: true, reports: true, remind: true },
            dryRun: false,
            env: process.env,
            signal,
          });
          const sent = result.send?.sent.length ?? 0;
          const failed = result.send?.failed.length ?? 0;
          return `${result.plan.schedule.length} reviews, ${sent} reminders sent, ${failed} failed`;
        },
      });
      log(`pagecare schedule: \`${config.schedule.cron}\` (${config.schedule.timezone}); next run ${daemon.next().toISOString()}`);
      await new Promise<void>((resolve) => {
        const shutdown = (signal: string) => {
          log(`pagecare schedule: ${signal} received; finishing the current send, then stopping`);
          void daemon.stop().then(resolve);
        };
        process.once('SIGTERM', () => shutdown('SIGTERM'));
        process.once('SIGINT', () => shutdown('SIGINT'));
      });
      log('pagecare schedule: stopped');
    });
}
