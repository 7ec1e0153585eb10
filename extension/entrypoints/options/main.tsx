import { render } from 'preact';
import '../../../shared/ui/theme.css';
import { readMessagesFromBrowser } from '../../lib/browser-messages';
import { t } from '../../../shared/i18n/t';
import { OptionsApp } from './options-app';

readMessagesFromBrowser();
document.title = t('optionsWindowTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
