// A compiled catalog (see compileCatalogs.ts): message key → Lingui's compiled message.
declare module 'virtual:catalog/*' {
  import type { Messages } from '@lingui/core';
  const messages: Messages;
  export default messages;
}
