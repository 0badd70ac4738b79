import { z } from "./z";

export const signInSchema = z.object({
  username: z.string().trim().min(1, "auth.username.required").max(100, "errors.tooLong"),
  password: z.string().min(1, "auth.password.required").max(200, "errors.tooLong"),
  next: z.string().optional(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "auth.password.currentRequired").max(200, "errors.tooLong"),
    newPassword: z.string().min(12, "auth.password.tooShort").max(200, "errors.tooLong"),
    confirmPassword: z.string().min(1, "auth.password.confirmRequired").max(200, "errors.tooLong"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "auth.password.mismatch" });
