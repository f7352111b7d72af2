import { defineRule } from '../lint/define-rule.js';

// PLACEHOLDER: being written.
export default defineRule('references-missing', ['page', 'glossary'], () => {});
