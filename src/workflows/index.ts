export { syncProviderWorkflow, progressQuery } from './sync-provider-workflow';
