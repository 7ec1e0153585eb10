import { render } from 'preact';
import '../../../shared/ui/theme.css';
import { readMessagesFromBrowser } from '../../lib/browser-messages';
import { t } from '../../../shared/i18n/t';
import { ApproveApp } from './approve-app';

readMessagesFromBrowser();
document.title = t('approveWindowTitle');
const root = document.getElementById('app');
const requestId = new URLSearchParams(location.search).get('request') ?? '';
if (root) render(<ApproveApp requestId={requestId} />, root);
