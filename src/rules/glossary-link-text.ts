import { defineRule } from '../lint/define-rule.js';

// PLACEHOLDER: being written.
export default defineRule('glossary-link-text', ['page', 'glossary'], () => {});
