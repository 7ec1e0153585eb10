import { render } from 'preact';
import '../shared/ui/theme.css';
import './playground.css';
import english from '../shared/i18n/locales/en/messages.json';
import { bundledMessages, setMessageSource, t } from '../shared/i18n/t';
import { PlaygroundApp } from './playground-app';
import { detectExtension } from './detect-extension';

// A plain page has no browser i18n: the playground speaks the English the extension ships.
setMessageSource(bundledMessages(english));
// The title in index.html shows only until this script runs; a translation's words replace it.
document.title = t('playTitle');
const root = document.getElementById('app');
if (root) {
  void detectExtension(window).then((extension) => render(<PlaygroundApp extension={extension} />, root));
}
