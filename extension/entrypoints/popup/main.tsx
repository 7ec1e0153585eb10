import { render } from 'preact';
import '../../../shared/ui/theme.css';
import { readMessagesFromBrowser } from '../../lib/browser-messages';
import { t } from '../../../shared/i18n/t';
import { PopupApp } from './popup-app';

readMessagesFromBrowser();
document.title = t('extensionName');
const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
