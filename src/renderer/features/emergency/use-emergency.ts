import { useQuery } from '@tanstack/react-query';
import { send } from '../../api/client';

/** Emergency status of this desk; under the 'protocol' key so desk events refresh it. */
export function useEmergencyStatus() {
  return useQuery({ queryKey: ['protocol', 'emergency-status'], queryFn: () => send('emergency.status', {}) });
}
