-- Driver consent: 'forced' campaigns install without asking; 'required' ones ask first.
ALTER TABLE campaigns ADD COLUMN consent text NOT NULL DEFAULT 'forced' CHECK (consent IN ('forced', 'required'));
