// The pagecare preset in the real remark CLI: `remark content` shows the same findings as `pagecare lint`.
import pagecare from 'pagecare/preset';

export default { plugins: [pagecare] };
