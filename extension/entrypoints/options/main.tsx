import { render } from 'preact';
import '../../../shared/ui/theme.css';
import { readMessagesFromBrowser } from '../../lib/browser-messages';
import { OptionsApp } from './options-app';

readMessagesFromBrowser();
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
