-- Feed registrations belong to the workspace that made them: the same URL registered in two
-- workspaces is two registrations, each with its own number, schedule and last error, so one
-- workspace learns nothing of another's (each is polled; the store keeps every article once).
-- Discord DMs are keyed by user ('dm:<user id>'), not one shared 'dm' workspace.
ALTER TABLE feeds ADD COLUMN platform text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN workspace text COLLATE "C" NOT NULL DEFAULT '';

-- added_by was 'platform:workspace:user', workspace ids having no colon (a DM was 'dm').
UPDATE feeds SET
    platform = CASE WHEN added_by LIKE '%:%:%' THEN split_part(added_by, ':', 1) ELSE '' END,
    workspace = CASE
        WHEN added_by LIKE 'discord:dm:%' THEN substr(added_by, length('discord:') + 1)
        WHEN added_by LIKE '%:%:%' THEN split_part(added_by, ':', 2)
        ELSE ''
    END;

ALTER TABLE feeds DROP CONSTRAINT feeds_url_key;
ALTER TABLE feeds ADD CONSTRAINT feeds_platform_workspace_url_key UNIQUE (platform, workspace, url);
CREATE INDEX feeds_workspace ON feeds(platform, workspace);

UPDATE subscriptions SET workspace = 'dm:' || created_by
WHERE platform = 'discord' AND workspace = 'dm';
