import { render } from 'preact';
import '../../../shared/ui/theme.css';
import { readMessagesFromBrowser } from '../../lib/browser-messages';
import { PopupApp } from './popup-app';

readMessagesFromBrowser();
const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
