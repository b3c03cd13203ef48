import type { Rule } from '../types.js';
import { rule as lambdaNoErrorAlarm } from './lambda-no-error-alarm.js';
import { rule as alarmsWithoutNotification } from './alarms-without-notification.js';
import { rule as noAlarmsWhenRequested } from './no-alarms-when-requested.js';
import { rule as dashboardFewWidgets } from './dashboard-few-widgets.js';

export const MONITORING_RULES: Rule[] = [lambdaNoErrorAlarm, alarmsWithoutNotification, noAlarmsWhenRequested, dashboardFewWidgets];
