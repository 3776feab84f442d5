import { z } from 'zod';

export const markReadSchema = z.object({ id: z.string({ message: 'Choose a notification.' }).min(1).max(100) });
