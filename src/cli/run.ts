import type { Command } from 'commander';
import { registerJobCommand } from './job-command.js';

export function registerRun(program: Command): void {
  registerJobCommand(program, 'review', 'Write the review schedule reports (Markdown, JSON, iCalendar, HTML)', {
    lint: false,
    reports: true,
    remind: false,
  });
  registerJobCommand(program, 'remind', 'Email owners, reviewers and escalation contacts what falls due', {
    lint: false,
    reports: false,
    remind: true,
  });
  registerJobCommand(program, 'run', 'The whole job: lint, reports, reminders and review pull requests', {
    lint: true,
    reports: true,
    remind: true,
    pullRequests: true,
  });
}
