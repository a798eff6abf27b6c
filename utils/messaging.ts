import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '@/lib/messaging';

/** The extension's one typed message channel (popup ⇄ content scripts ⇄ background). */
export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
