import { defineRule } from '../lint/define-rule.js';

// PLACEHOLDER: being written.
export default defineRule('review-due-soon', ['page', 'glossary'], () => {});
