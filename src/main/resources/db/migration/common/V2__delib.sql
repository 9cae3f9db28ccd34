-- Délib's own tables, for every database. ${code} is the type of codes and ids: byte-wise ordered on every
-- database (COLLATE "C" on PostgreSQL), so that sorted outputs are identical on H2 and PostgreSQL.
-- run_id is the Spring Batch job instance: a restart shares its run's rows.
-- Staged inputs live until their run completes; results are kept, one version per run (recours, history).

CREATE TABLE delib_student (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    last_name VARCHAR(200) NOT NULL,
    first_name VARCHAR(200) NOT NULL,
    level VARCHAR(2) NOT NULL,
    years_in_cycle INT NOT NULL,
    scholarship BOOLEAN NOT NULL,
    bac_series VARCHAR(8) NOT NULL,
    bac_mention VARCHAR(8) NOT NULL
);
CREATE INDEX delib_student_key ON delib_student (run_id, student_id, line);

CREATE TABLE delib_mark (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    matiere ${code} NOT NULL,
    session VARCHAR(1) NOT NULL,
    exam VARCHAR(16) NOT NULL,
    cc VARCHAR(16) NOT NULL,
    tp VARCHAR(16) NOT NULL
);
CREATE INDEX delib_mark_key ON delib_mark (run_id, student_id, matiere, session, line);

CREATE TABLE delib_attendance (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    matiere ${code} NOT NULL,
    abs_justified INT NOT NULL,
    abs_unjustified INT NOT NULL,
    tp_abs_unjustified INT NOT NULL
);
CREATE INDEX delib_attendance_key ON delib_attendance (run_id, student_id, matiere, line);

CREATE TABLE delib_sanction (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    element ${code} NOT NULL,
    sanction VARCHAR(32) NOT NULL,
    degree INT NOT NULL
);
CREATE INDEX delib_sanction_key ON delib_sanction (run_id, student_id, element, sanction, line);

CREATE TABLE delib_jury (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    element ${code} NOT NULL,
    reason VARCHAR(1000) NOT NULL
);
CREATE INDEX delib_jury_key ON delib_jury (run_id, student_id, element, line);

CREATE TABLE delib_history (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    academic_year VARCHAR(9) NOT NULL,
    element ${code} NOT NULL,
    mark DECIMAL(8, 4),
    credits DECIMAL(8, 2) NOT NULL,
    result VARCHAR(4) NOT NULL,
    session INT NOT NULL
);
CREATE INDEX delib_history_key ON delib_history (run_id, student_id, academic_year, element, line);

CREATE TABLE delib_wish (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    rank INT NOT NULL,
    speciality ${code} NOT NULL
);
CREATE INDEX delib_wish_key ON delib_wish (run_id, student_id, rank, line);

CREATE TABLE delib_pfe (
    run_id BIGINT NOT NULL,
    line BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    defence_session VARCHAR(9) NOT NULL
);
CREATE INDEX delib_pfe_key ON delib_pfe (run_id, student_id, line);

CREATE TABLE delib_reject (
    run_id BIGINT NOT NULL,
    file_seq INT NOT NULL,
    file VARCHAR(64) NOT NULL,
    line BIGINT NOT NULL,
    col VARCHAR(64) NOT NULL,
    val VARCHAR(1000) NOT NULL,
    reason VARCHAR(1000) NOT NULL
);
CREATE INDEX delib_reject_run ON delib_reject (run_id, file_seq, line);

CREATE TABLE delib_result (
    run_id BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    element ${code} NOT NULL,
    kind VARCHAR(8) NOT NULL,
    mark DECIMAL(8, 4),
    result VARCHAR(4) NOT NULL,
    credits DECIMAL(8, 2) NOT NULL,
    session INT NOT NULL,
    PRIMARY KEY (run_id, student_id, element)
);

CREATE INDEX delib_result_student ON delib_result (student_id, run_id);

-- One row per published run: what it deliberated. Later years read their history from the final runs.
CREATE TABLE delib_run (
    run_id BIGINT NOT NULL PRIMARY KEY,
    job VARCHAR(200) NOT NULL,
    programme ${code} NOT NULL,
    academic_year VARCHAR(9) NOT NULL,
    session INT NOT NULL,
    published_at TIMESTAMP NOT NULL
);

CREATE TABLE delib_decision (
    run_id BIGINT NOT NULL,
    student_id ${code} NOT NULL,
    level VARCHAR(2) NOT NULL,
    year_mark DECIMAL(8, 4),
    year_credits DECIMAL(8, 2) NOT NULL,
    decision VARCHAR(4) NOT NULL,
    next_level VARCHAR(2) NOT NULL,
    debts VARCHAR(4000) NOT NULL,
    PRIMARY KEY (run_id, student_id)
);
