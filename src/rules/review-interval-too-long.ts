import { defineRule } from '../lint/define-rule.js';

// PLACEHOLDER: being written.
export default defineRule('review-interval-too-long', ['page', 'glossary'], () => {});
