import { render } from 'preact';
import '../../../shared/ui/theme.css';
import { readMessagesFromBrowser } from '../../lib/browser-messages';
import { ApproveApp } from './approve-app';

readMessagesFromBrowser();
const root = document.getElementById('app');
const requestId = new URLSearchParams(location.search).get('request') ?? '';
if (root) render(<ApproveApp requestId={requestId} />, root);
