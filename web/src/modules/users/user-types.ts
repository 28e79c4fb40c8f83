export interface Member {
  id: string;
  email: string;
  name: string;
  active: boolean;
  roleIds: string[];
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  roleIds: string[];
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface CreatedInvitation extends Invitation {
  token: string;
  acceptUrl: string;
}
