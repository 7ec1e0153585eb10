/**
 * @module Vitest setup: unit tests read the words pages show in English, as the playground does
 * (pages call setMessageSource in their entry; a test has no entry).
 */
import english from '../i18n/locales/en/messages.json';
import { bundledMessages, setMessageSource } from '../i18n/t';

setMessageSource(bundledMessages(english));
