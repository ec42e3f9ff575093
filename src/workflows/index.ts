export { syncProviderWorkflow, progressQuery } from './sync-provider-workflow';
export { scheduledSyncWorkflow } from './scheduled-sync-workflow';
export { zoneInventoryWorkflow } from './zone-inventory-workflow';
export { syncPartnerWindowWorkflow } from './sync-partner-window-workflow';
