-- placeholder for another helper's migration 016 (branch h43 only; drop at merge)
SELECT 1;
